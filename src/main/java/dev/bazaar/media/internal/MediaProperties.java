package dev.bazaar.media.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Media settings ({@code bazaar.media.*}).
 *
 * @param store {@code local} (files under {@code directory}, served by the application) or {@code s3}
 * @param directory the local store's directory
 * @param publicBaseUrl what image URLs start with: {@code /media} (the application serves the store), or a CDN's
 *     or the bucket's public address
 * @param maxUploadSize the largest file accepted
 * @param maxPixels the most pixels (width × height) an uploaded image may have, read from its header before it is
 *     decoded
 * @param maxImagesPerProduct how many images one product may have
 * @param concurrentDecodes how many uploads may be decoded and resized at once (each may take a few hundred MB)
 * @param sweepMinAge how old an object with no row must be before the orphan sweep deletes it (an upload writes
 *     its objects before its row)
 */
@ConfigurationProperties("bazaar.media")
record MediaProperties(
        @DefaultValue("local") String store,
        @DefaultValue("./data/media") Path directory,
        @DefaultValue("/media") String publicBaseUrl,
        @DefaultValue("10MB") DataSize maxUploadSize,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("20") int maxImagesPerProduct,
        @DefaultValue("2") int concurrentDecodes,
        @DefaultValue("1h") Duration sweepMinAge,
        @DefaultValue S3 s3,
        @DefaultValue Demo demo) {

    boolean s3Active() {
        return "s3".equalsIgnoreCase(store);
    }

    /** The base URL without a trailing slash. */
    String baseUrl() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * The S3-compatible bucket: used as the store when {@code store=s3}, and as the target of the copy from the
     * local store whenever {@code bucket} is set.
     *
     * @param endpoint empty for AWS; the server's URL otherwise (MinIO, Ceph, R2, S3Mock, ...)
     * @param pathStyle address the bucket as {@code endpoint/bucket} rather than {@code bucket.endpoint}
     */
    record S3(
            String endpoint,
            String bucket,
            @DefaultValue("us-east-1") String region,
            String accessKey,
            String secretKey,
            @DefaultValue("false") boolean pathStyle) {

        boolean configured() {
            return bucket != null && !bucket.isBlank();
        }
    }

    /**
     * The demo catalog's generated pictures (only with {@code bazaar.demo.enabled}).
     *
     * @param images generate them on first start, in the background
     * @param maxProducts do not generate for catalogs larger than this (a synthetic catalog of millions)
     */
    record Demo(
            @DefaultValue("true") boolean images,
            @DefaultValue("20000") int maxProducts) {}
}
