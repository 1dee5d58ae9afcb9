package dev.bazaar.platform.web;

/** One problem with a request, usually a field that failed validation. */
public record ErrorDetail(String field, String message) {}
