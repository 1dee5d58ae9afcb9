package dev.bazaar.media.internal;

import dev.bazaar.media.ProductImage;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping(path = "/api/v1/products/{productId}/images", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Product images", description = "Anyone lists them; the product's seller and admins change them")
class ProductImageController {

    private final ProductImagesService images;

    ProductImageController(ProductImagesService images) {
        this.images = images;
    }

    @GetMapping
    @Operation(summary = "A product's images in display order, with the URL of each size (thumb, medium, large)")
    ApiResponse<List<ProductImage>> list(@PathVariable UUID productId) {
        return ApiResponse.of(images.list(productId));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload an image (multipart field file): JPEG, PNG or WebP",
            description = "The type is read from the content; a file whose name or declared type says otherwise is"
                    + " refused (415), as are other types (415), files over bazaar.media.max-upload-size (413) and"
                    + " images over bazaar.media.max-pixels (413). Metadata is stripped. 201 with the new image;"
                    + " 200 with the existing one if the product already has this file.")
    ResponseEntity<ApiResponse<ProductImage>> upload(
            CurrentUser caller, @PathVariable UUID productId, @RequestPart("file") MultipartFile file) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProductImagesService.Upload upload =
                images.add(caller, productId, bytes, file.getContentType(), file.getOriginalFilename());
        return ResponseEntity.status(upload.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(upload.image()));
    }

    record Reorder(@NotNull @Size(max = 100) List<@NotNull UUID> imageIds) {}

    @PutMapping(path = "/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put the images in this order (every image id of the product, first = main image)")
    ApiResponse<List<ProductImage>> reorder(
            CurrentUser caller, @PathVariable UUID productId, @Valid @RequestBody Reorder request) {
        return ApiResponse.of(images.reorder(caller, productId, request.imageIds()));
    }

    @DeleteMapping("/{imageId}")
    @Operation(summary = "Delete an image and its stored sizes")
    ApiResponse<Void> delete(CurrentUser caller, @PathVariable UUID productId, @PathVariable UUID imageId) {
        images.delete(caller, productId, imageId);
        return ApiResponse.message("Image deleted");
    }
}
