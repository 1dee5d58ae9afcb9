package dev.bazaar.media.internal;

import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Media maintenance for admins (the platform requires ADMIN under /api/v1/admin). */
@RestController
@RequestMapping(path = "/api/v1/admin/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Media administration")
class MediaAdminController {

    private final MediaMaintenance maintenance;
    private final OrphanSweep sweep;

    MediaAdminController(MediaMaintenance maintenance, OrphanSweep sweep) {
        this.maintenance = maintenance;
        this.sweep = sweep;
    }

    @PostMapping("/copy-to-s3")
    @Operation(
            summary = "Copy every object of the local media directory to the S3 bucket in bazaar.media.s3.*",
            description = "Run it before switching bazaar.media.store to s3 (and again right before, for uploads made"
                    + " meanwhile); objects never change, so running it again is safe. Synchronous.")
    ApiResponse<MediaMaintenance.CopyResult> copyToS3() {
        return ApiResponse.of(maintenance.copyLocalToS3());
    }

    @PostMapping("/sweep")
    @Operation(summary = "Delete the store's objects that no image names (older than bazaar.media.sweep-min-age)")
    ApiResponse<OrphanSweep.Result> sweep() {
        return ApiResponse.of(sweep.sweep());
    }
}
