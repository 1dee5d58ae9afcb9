package dev.bazaar.media;

/** The sizes every product image is stored in; an image is never enlarged. */
public enum ImageSize {
    /** Cards and lists: fits in 256 × 256. */
    THUMB("thumb", 256),
    /** The product page: fits in 800 × 800. */
    MEDIUM("medium", 800),
    /** The original, capped to fit in 2000 × 2000 (zoom). */
    LARGE("large", 2000);

    private final String suffix;
    private final int maxSide;

    ImageSize(String suffix, int maxSide) {
        this.suffix = suffix;
        this.maxSide = maxSide;
    }

    /** The name's suffix in the image's URLs: {@code {hash}-{suffix}.{ext}}. */
    public String suffix() {
        return suffix;
    }

    /** The longest side, in pixels, an image of this size may have. */
    public int maxSide() {
        return maxSide;
    }
}
