package dev.bazaar.search.internal;

import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Index operations for admins (everything under /api/v1/admin needs ADMIN). */
@RestController
@RequestMapping(path = "/api/v1/admin/search", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: search", description = "Search index status and rebuilds (ADMIN only)")
class SearchAdminController {

    private final SearchIndexMaintenance maintenance;

    SearchAdminController(SearchIndexMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @GetMapping("/index")
    @Operation(summary = "Index size and rebuild progress")
    ApiResponse<SearchIndexMaintenance.IndexStatus> status() {
        return ApiResponse.of(maintenance.status());
    }

    @PostMapping("/index/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild the index from the catalog in the background; searches keep answering")
    ApiResponse<SearchIndexMaintenance.IndexStatus> rebuild() {
        maintenance.startRebuild("requested by an admin");
        return ApiResponse.of(maintenance.status());
    }
}
