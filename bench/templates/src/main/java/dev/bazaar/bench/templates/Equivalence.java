package dev.bazaar.bench.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the engines wrote the same page: the same visible text once tags are stripped and entities decoded,
 * the same values in the attributes people see or follow (alt, aria-label, placeholder, href, value), and the
 * expected number of cards and reviews. Run it with {@code java -cp target/benchmarks.jar
 * dev.bazaar.bench.templates.Equivalence}; the benchmark's setup runs it too.
 */
public final class Equivalence {

    private static final Pattern TAG = Pattern.compile("<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-z]+);");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(alt|aria-label|placeholder|href|value|title)=\"([^\"]*)\"");

    private Equivalence() {
    }

    public static void main(String[] args) {
        Model.Page page = Fixtures.page();
        String thymeleaf = ThymeleafPage.plain(page, Locale.US).render();
        String spring = ThymeleafPage.spring(page, Locale.US).render();
        String jte = new JtePage(page, Locale.US).render();
        check(thymeleaf, jte);
        check(spring, jte);
        System.out.printf("Same page: %d visible characters, %d cards, %d reviews; HTML %d chars (Thymeleaf), "
                        + "%d (Thymeleaf+Spring), %d (JTE)%n", text(jte).length(), count(jte, "<article class=\"card\""),
                count(jte, "<article class=\"review\""), thymeleaf.length(), spring.length(), jte.length());
        if (args.length > 0) {
            System.out.println(args[0].equals("jte") ? jte : args[0].equals("spring") ? spring : thymeleaf);
        }
    }

    public static void check(String thymeleaf, String jte) {
        String a = text(thymeleaf);
        String b = text(jte);
        if (!a.equals(b)) {
            int at = 0;
            while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                at++;
            }
            throw new IllegalStateException("Visible text differs at " + at + ":\n thymeleaf: "
                    + a.substring(Math.max(0, at - 60), Math.min(a.length(), at + 60)) + "\n jte:       "
                    + b.substring(Math.max(0, at - 60), Math.min(b.length(), at + 60)));
        }
        List<String> attributesA = attributes(thymeleaf);
        List<String> attributesB = attributes(jte);
        if (!attributesA.equals(attributesB)) {
            for (int i = 0; i < Math.min(attributesA.size(), attributesB.size()); i++) {
                if (!attributesA.get(i).equals(attributesB.get(i))) {
                    throw new IllegalStateException("Attribute " + i + " differs: " + attributesA.get(i) + " / "
                            + attributesB.get(i));
                }
            }
            throw new IllegalStateException("Attribute counts differ: " + attributesA.size() + " / " + attributesB.size());
        }
        expect(thymeleaf, jte, "<article class=\"card\"", 19);
        expect(thymeleaf, jte, "<article class=\"review\"", 10);
        expect(thymeleaf, jte, "<meter ", 5);
        expect(thymeleaf, jte, "<tr>", 5);
        for (String escaped : List.of("&lt;Large&gt;", "&amp;", "&lt;exactly&gt;")) {
            if (!thymeleaf.contains(escaped) || !jte.contains(escaped)) {
                throw new IllegalStateException("Not escaped the same: " + escaped);
            }
        }
        if (thymeleaf.contains("<Large>") || jte.contains("<Large>") || jte.contains("<exactly>")) {
            throw new IllegalStateException("Unescaped markup in a page");
        }
    }

    private static void expect(String thymeleaf, String jte, String needle, int expected) {
        if (count(thymeleaf, needle) != expected || count(jte, needle) != expected) {
            throw new IllegalStateException(needle + ": " + count(thymeleaf, needle) + " / " + count(jte, needle)
                    + ", expected " + expected);
        }
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    static String text(String html) {
        return decode(TAG.matcher(html).replaceAll(" ")).replaceAll("\\s+", " ").strip();
    }

    static List<String> attributes(String html) {
        List<String> values = new ArrayList<>();
        Matcher m = ATTRIBUTE.matcher(html);
        while (m.find()) {
            values.add(m.group(1) + "=" + decode(m.group(2)));
        }
        return values;
    }

    private static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> e.startsWith("#x") ? Character.toString(Integer.parseInt(e.substring(2), 16))
                        : e.startsWith("#") ? Character.toString(Integer.parseInt(e.substring(1))) : "&" + e + ";";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }
}
