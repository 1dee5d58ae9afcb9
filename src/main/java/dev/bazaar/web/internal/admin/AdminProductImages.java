package dev.bazaar.web.internal.admin;

import dev.bazaar.catalog.CatalogAdministration;
import dev.bazaar.media.ProductImage;
import dev.bazaar.media.ProductImages;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A product's pictures in its editor: upload, make one the main picture, delete. The media module checks the
 * file (type by content, size and pixel limits, metadata stripped) and the ownership, as for the API.
 */
@Controller
class AdminProductImages {

    private final ProductImages images;
    private final CatalogAdministration catalog;
    private final AdminMessages messages;

    AdminProductImages(ProductImages images, CatalogAdministration catalog, AdminMessages messages) {
        this.images = images;
        this.catalog = catalog;
        this.messages = messages;
    }

    @PostMapping("/admin/products/{productId}/images")
    String upload(
            CurrentUser user,
            @PathVariable UUID productId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) {
        catalog.product(user, productId); // another seller's product: 404, as everywhere in the console
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalidField("file", "choose a JPEG, PNG or WebP picture");
            }
            images.upload(user, productId, bytes(file), file.getContentType(), file.getOriginalFilename());
            messages.done(redirect, "admin.images.uploaded");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/products/" + productId + "#images";
    }

    @PostMapping("/admin/products/{productId}/images/{imageId}/main")
    String makeMain(
            CurrentUser user, @PathVariable UUID productId, @PathVariable UUID imageId, RedirectAttributes redirect) {
        catalog.product(user, productId);
        List<UUID> order = new ArrayList<>(
                images.images(productId).stream().map(ProductImage::id).toList());
        if (!order.remove(imageId)) {
            throw DomainException.notFound("Image");
        }
        order.addFirst(imageId);
        try {
            images.reorder(user, productId, order);
            messages.done(redirect, "admin.images.reordered");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/products/" + productId + "#images";
    }

    @PostMapping("/admin/products/{productId}/images/{imageId}/delete")
    String delete(
            CurrentUser user, @PathVariable UUID productId, @PathVariable UUID imageId, RedirectAttributes redirect) {
        catalog.product(user, productId);
        try {
            images.delete(user, productId, imageId);
            messages.done(redirect, "admin.images.deleted");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/products/" + productId + "#images";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
