package dev.bazaar.media.internal;

import dev.bazaar.media.ImageSize;
import dev.bazaar.platform.DomainException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded image and derives its stored sizes. The type comes from the content's magic bytes (JPEG, PNG,
 * WebP; anything else, SVG and GIF included, is refused), and must agree with the file name's extension and the
 * declared content type when those name an image type. The pixel count is read from the header before anything is
 * decoded, so a decompression bomb costs nothing. Every size is re-encoded from the decoded pixels, so no metadata
 * (EXIF, GPS, comments, colour profiles' text) survives. Decoding uses the TwelveMonkeys ImageIO plugins (JPEG incl.
 * CMYK and progressive, WebP); resizing Thumbnailator.
 */
@Component
class ImagePipeline {

    private static final float JPEG_QUALITY = 0.85f;

    private final long maxPixels;
    private final Semaphore decodes;

    ImagePipeline(MediaProperties properties) {
        this.maxPixels = properties.maxPixels();
        this.decodes = new Semaphore(Math.max(1, properties.concurrentDecodes()));
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins(); // the plugins on the application's class path, in a packaged jar too
    }

    /** The formats accepted, by their magic bytes. */
    enum Format {
        JPEG("jpeg"),
        PNG("png"),
        WEBP("webp");

        final String imageIoName;

        Format(String imageIoName) {
            this.imageIoName = imageIoName;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An image ready to store: its hash, what it was, and each size's bytes with the extension they share. */
    record Processed(
            String hash, Format format, int width, int height, String extension, Map<ImageSize, byte[]> sizes) {}

    /**
     * Checks and derives an upload; throws {@link DomainException} (INVALID_REQUEST, TOO_LARGE, UNSUPPORTED_TYPE)
     * for anything refused.
     */
    Processed process(byte[] bytes, String declaredType, String fileName) {
        Format format = detect(bytes);
        checkDeclared(format, declaredType, fileName);
        try {
            decodes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            Decoded decoded = decode(bytes, format);
            return derive(sha256(bytes), format, decoded.width(), decoded.height(), decoded.image());
        } finally {
            decodes.release();
        }
    }

    /** Derives the sizes of an image already in memory (the generated demo pictures). */
    Processed derive(String hash, Format format, int width, int height, BufferedImage image) {
        boolean transparent = hasTransparency(image);
        String extension = transparent ? "png" : "jpg";
        BufferedImage source = transparent ? argb(image) : opaque(image);
        Map<ImageSize, byte[]> sizes = new EnumMap<>(ImageSize.class);
        BufferedImage previous = source;
        byte[] previousBytes = null;
        // largest first, each from the one before: cheaper, and as sharp
        for (ImageSize size : new ImageSize[] {ImageSize.LARGE, ImageSize.MEDIUM, ImageSize.THUMB}) {
            BufferedImage scaled = scaled(previous, size.maxSide());
            byte[] bytes = scaled == previous && previousBytes != null
                    ? previousBytes // a small image: this size is the one above
                    : transparent ? png(scaled) : jpeg(scaled);
            sizes.put(size, bytes);
            previous = scaled;
            previousBytes = bytes;
        }
        return new Processed(hash, format, width, height, extension, sizes);
    }

    static Format detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 8
                && (b[0] & 0xFF) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return Format.PNG;
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return Format.WEBP;
        }
        throw unsupported("Only JPEG, PNG and WebP images are accepted");
    }

    /** A declared image type (extension or content type) that is not what the content is: refused. */
    private static void checkDeclared(Format actual, String declaredType, String fileName) {
        if (fileName != null && fileName.lastIndexOf('.') >= 0) {
            String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            Format named = switch (extension) {
                case "jpg", "jpeg", "jpe", "jfif" -> Format.JPEG;
                case "png" -> Format.PNG;
                case "webp" -> Format.WEBP;
                case "gif", "svg", "svgz", "bmp", "tif", "tiff", "ico", "heic", "heif", "avif" -> null;
                default -> actual; // not an image extension: the content decides
            };
            if (named != actual) {
                throw mismatch("The file's name says ." + extension + " but its content is " + actual.id());
            }
        }
        if (declaredType != null && declaredType.toLowerCase(Locale.ROOT).startsWith("image/")) {
            String type = declaredType.toLowerCase(Locale.ROOT).split(";")[0].trim();
            Format declared = switch (type) {
                case "image/jpeg", "image/jpg", "image/pjpeg" -> Format.JPEG;
                case "image/png", "image/x-png" -> Format.PNG;
                case "image/webp" -> Format.WEBP;
                default -> null;
            };
            if (declared != actual) {
                throw mismatch("The file is declared as " + type + " but its content is " + actual.id());
            }
        }
    }

    private record Decoded(BufferedImage image, int width, int height) {}

    private Decoded decode(byte[] bytes, Format format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
            if (!readers.hasNext()) {
                throw new IllegalStateException("No ImageIO reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw invalid();
                }
                if ((long) width * height > maxPixels) {
                    throw new DomainException(
                            DomainException.Kind.TOO_LARGE,
                            "TOO_MANY_PIXELS",
                            "The image is " + width + " × " + height + " pixels; at most " + maxPixels
                                    + " pixels are accepted");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int longest = Math.max(width, height);
                int subsampling = longest / ImageSize.LARGE.maxSide();
                if (subsampling >= 2) {
                    // Read every n-th pixel: still at least the largest stored size, at a fraction of the memory.
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return new Decoded(image, width, height);
            } finally {
                reader.dispose();
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw invalid();
        }
    }

    private static BufferedImage scaled(BufferedImage image, int maxSide) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= maxSide) {
            return image;
        }
        try {
            return Thumbnails.of(image)
                    .scale((double) maxSide / longest)
                    .imageType(image.getType())
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        Raster alpha = image.getAlphaRaster();
        if (alpha == null) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            alpha.getSamples(0, y, width, 1, 0, row);
            for (int a : row) {
                if (a < 255) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The image as plain 8-bit BGR (JPEG has no alpha; a grey, indexed or CMYK image becomes colour), the layout the
     * JPEG encoder takes without converting every pixel.
     */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage argb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return argb;
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException unsupported(String message) {
        return new DomainException(DomainException.Kind.UNSUPPORTED_TYPE, "UNSUPPORTED_IMAGE_TYPE", message);
    }

    private static DomainException mismatch(String message) {
        return new DomainException(DomainException.Kind.UNSUPPORTED_TYPE, "IMAGE_TYPE_MISMATCH", message);
    }

    private static DomainException invalid() {
        return DomainException.invalidRequest("INVALID_IMAGE", "The file cannot be read as an image", null);
    }
}
