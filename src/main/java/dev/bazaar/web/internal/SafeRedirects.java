package dev.bazaar.web.internal;

/** Where a page may send a browser back to: a path of this site, never another origin. */
public final class SafeRedirects {

    private SafeRedirects() {}

    public static String localPath(String candidate) {
        if (candidate == null
                || !candidate.startsWith("/")
                || candidate.startsWith("//")
                || candidate.startsWith("/\\")
                || candidate.contains("\r")
                || candidate.contains("\n")) {
            return "/";
        }
        return candidate;
    }
}
