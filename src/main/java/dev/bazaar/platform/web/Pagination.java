package dev.bazaar.platform.web;

/** Page metadata of a list response, as the seed shows it: 1-based page, page size, total rows and pages. */
public record Pagination(int page, int limit, long total, int totalPages) {

    public static Pagination of(int page, int limit, long total) {
        int totalPages = total == 0 ? 0 : (int) ((total + limit - 1) / limit);
        return new Pagination(page, limit, total, totalPages);
    }

    /** Rows to skip for this page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
