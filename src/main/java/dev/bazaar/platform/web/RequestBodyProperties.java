package dev.bazaar.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request settings ({@code bazaar.web.*}).
 *
 * @param maxBodySize the largest request body accepted, unless a module's {@link RequestBodyLimit} says otherwise
 */
@ConfigurationProperties("bazaar.web")
record RequestBodyProperties(@DefaultValue("1MB") DataSize maxBodySize) {}
