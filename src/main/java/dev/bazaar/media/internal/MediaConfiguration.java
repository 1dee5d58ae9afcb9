package dev.bazaar.media.internal;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart limits, which only image uploads use: a file part up to {@code bazaar.media.max-upload-size} and a whole
 * body up to that plus the framing. The servlet container applies them while it parses, chunked bodies included,
 * before anything reaches a controller (they replace {@code spring.servlet.multipart.*}).
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxUploadSize());
        factory.setMaxRequestSize(
                DataSize.ofBytes(properties.maxUploadSize().toBytes() + UploadBodyLimit.MULTIPART_FRAMING));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
