package dev.bazaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in a real browser: staff run the shop through the same services and rules as the API, and a
 * seller manages only their own products.
 */
class AdminConsoleBrowserTest extends BrowserTest {

    private void signInThroughThePage(String email, String password) {
        open("/signin");
        type("#email", email);
        type("#password", password);
        click("#signin-submit");
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
    }

    /** Clicks a form's button and waits for the next page, so no check reads the page it left. */
    private void submit(String css) {
        org.openqa.selenium.WebElement page = find("html");
        click(css);
        waitUntilGone(page);
    }

    private void signInAsAdminThroughThePage() {
        signInThroughThePage(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void theDashboardShowsTodaysOrdersStockAndTheSystems() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "dash");
        String product = newProduct(admin, category, "Dashboard tea cup " + UUID.randomUUID(), "12.00", 3);
        orderProducts(registerCustomer(), Map.of(product, 1));

        signInAsAdminThroughThePage();
        open("/admin");
        assertThat(find("h1").getText()).isEqualTo("Dashboard");
        assertThat(Long.parseLong(find("#orders-today").getText().replace(",", "")))
                .isPositive();
        assertThat(find("#search-index-status").getText()).contains("indexed");
        assertThat(find(".admin-nav a[aria-current='page']").getText()).isEqualTo("Dashboard");
        screenshots("admin-dashboard");
    }

    @Test
    void anAdminShipsAnOrderAndTheShopperSeesItShipped() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "ship");
        String product = newProduct(admin, category, "Shipped teapot " + UUID.randomUUID(), "30.00", 10);
        SignedInUser shopper = registerCustomer();
        String order = orderProducts(shopper, Map.of(product, 1));

        signInAsAdminThroughThePage();
        open("/admin/orders?status=confirmed");
        assertThat(pageText()).contains(order.substring(0, 8));
        click("a[href='/admin/orders/" + order + "']");
        assertThat(find("#order-status").getText()).isEqualTo("Confirmed");
        new Select(find("#new-status")).selectByValue("shipped");
        type("#tracking", "TRACK-" + order.substring(0, 6));
        submit("#status-submit");
        waitFor().until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector("#order-status"), "Shipped"));
        assertThat(find("#tracking-number").getText()).isEqualTo("TRACK-" + order.substring(0, 6));
        screenshots("admin-order");

        Api.Response seen = api.get("/api/v1/orders/" + order, shopper.accessToken());
        assertThat(seen.data().path("status").asString()).isEqualTo("shipped");
        assertThat(seen.data().path("trackingNumber").asString()).isEqualTo("TRACK-" + order.substring(0, 6));
    }

    @Test
    void shippingWithoutATrackingNumberIsRefusedWithAMessage() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "notrack");
        String product = newProduct(admin, category, "Untracked jug " + UUID.randomUUID(), "8.00", 10);
        String order = orderProducts(registerCustomer(), Map.of(product, 1));

        signInAsAdminThroughThePage();
        open("/admin/orders/" + order);
        new Select(find("#new-status")).selectByValue("shipped");
        submit("#status-submit");
        assertThat(find(".notice.error").getText()).contains("tracking");
        assertThat(find("#order-status").getText()).isEqualTo("Confirmed");
        submit("#cancel-submit");
        waitFor().until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector("#order-status"), "Cancelled"));
        assertThat(find("#payment-status").getText()).isEqualTo("Card · Refunded");
    }

    @Test
    void aSellerCannotOpenStaffSections() {
        SignedInUser seller = store.newSeller(signInAsAdmin());
        signInThroughThePage(seller.email(), seller.password());
        open("/admin");
        assertThat(find("h1").getText()).isEqualTo("Dashboard");
        assertThat(all(".admin-nav a")).extracting(e -> e.getText()).doesNotContain("Orders", "Users and roles");
        for (String staffOnly : new String[] {"/admin/users", "/admin/orders", "/admin/coupons"}) {
            open(staffOnly);
            assertThat(find("#error-message").getText()).as(staffOnly).isNotBlank();
            assertThat(pageText()).as(staffOnly).contains("403");
        }
    }

    @Test
    void anAdminCreatesAProductThroughTheFormAndItIsInTheShop() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "made");
        String title = "Form-made kettle " + UUID.randomUUID().toString().substring(0, 8);

        signInAsAdminThroughThePage();
        open("/admin/products");
        click("#new-product");
        type("#title", title);
        type("#description", "Made through the admin console.");
        type("#price", "not a price");
        new Select(find("#category")).selectByValue(category);
        type("#stock", "7");
        submit("#product-submit");
        assertThat(find(".notice.error").getText()).contains("price");
        assertThat(find("#title").getAttribute("value")).isEqualTo(title);
        type("#price", "19.90");
        submit("#product-submit");
        waitFor().until(ExpectedConditions.urlMatches(".*/admin/products/[0-9a-f-]{36}$"));
        assertThat(find(".notice.success").getText()).isNotBlank();
        String id = browser.getCurrentUrl().replaceAll(".*/", "");
        screenshots("admin-product-editor");

        open("/products/" + id);
        assertThat(find("h1").getText()).isEqualTo(title);
        assertThat(pageText()).contains("19.90");

        open("/admin/products?q=" + title.substring(title.length() - 8));
        assertThat(all("#products tbody tr")).hasSize(1);
        screenshots("admin-products");
    }

    @Test
    void anAdminAdjustsStockWithAReason() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "stock");
        String product = newProduct(admin, category, "Restocked vase " + UUID.randomUUID(), "15.00", 4);

        signInAsAdminThroughThePage();
        open("/admin/products/" + product);
        click("#inventory-link");
        assertThat(find("#on-hand").getText()).isEqualTo("4");
        type("#quantity", "6");
        type("#reason", "Delivery from the potter");
        submit("#stock-submit");
        waitFor().until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector("#on-hand"), "10"));
        assertThat(find("#movements").getText()).contains("Delivery from the potter");
        screenshots("admin-inventory");

        Api.Response level = api.get("/api/v1/admin/inventory/" + product, admin.accessToken());
        assertThat(level.data().path("onHand").asInt()).isEqualTo(10);
        assertThat(level.data().path("movements").get(0).path("reason").asString())
                .isEqualTo("Delivery from the potter");
    }

    @Test
    void aSellerUploadsAPictureInTheEditorAndTheShopShowsIt() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "pictures");
        SignedInUser seller = store.newSeller(signInAsAdmin());
        String product = newProduct(seller, category, "Pictured vase " + UUID.randomUUID(), "18.00", 5);
        java.nio.file.Path jpeg = java.nio.file.Files.createTempFile("vase", ".jpg");
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(new java.awt.Color(30, 90, 160));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        javax.imageio.ImageIO.write(picture, "jpg", jpeg.toFile());

        signInThroughThePage(seller.email(), seller.password());
        open("/admin/products/" + product);
        assertThat(find("#images").getText()).contains("No pictures yet");
        find("#image-file").sendKeys(jpeg.toAbsolutePath().toString());
        submit("#image-submit");
        assertThat(find(".notice.success").getText()).isNotBlank();
        assertThat(find("#images img").getAttribute("src")).contains("/media/products/" + product + "/");
        assertAccessible();

        // the editor's save keeps the pictures (they are no longer typed in as URLs)
        type("#price", "17.50");
        submit("#product-submit");
        assertThat(find(".notice.success").getText()).isNotBlank();

        open("/products/" + product);
        assertThat(find(".gallery img").getAttribute("src")).contains("/media/products/" + product + "/");
        assertThat(api.get("/api/v1/products/" + product, null)
                        .data()
                        .path("imageUrls")
                        .size())
                .isEqualTo(1);
        java.nio.file.Files.deleteIfExists(jpeg);
    }

    @Test
    void aSellerManagesOnlyTheirOwnProducts() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "sellers");
        SignedInUser seller = store.newSeller(signInAsAdmin());
        SignedInUser rival = store.newSeller(signInAsAdmin());
        String mine = newProduct(seller, category, "Seller own lamp " + UUID.randomUUID(), "40.00", 5);
        String theirs = newProduct(rival, category, "Rival lamp " + UUID.randomUUID(), "41.00", 5);

        signInThroughThePage(seller.email(), seller.password());
        open("/admin/products");
        assertThat(pageText()).contains("Seller own lamp").doesNotContain("Rival lamp");

        open("/admin/products/" + theirs);
        assertThat(find("#error-message").getText()).isNotBlank();
        assertThat(pageText()).contains("404");
        open("/admin/inventory/" + theirs);
        assertThat(pageText()).contains("404");

        open("/admin/products/" + mine);
        type("#price", "39.00");
        submit("#product-submit");
        assertThat(find(".notice.success").getText()).isNotBlank();

        Api.Response rivalProduct = api.get("/api/v1/products/" + theirs, null);
        assertThat(rivalProduct.data().path("price").decimalValue()).isEqualByComparingTo("41.00");
        assertThat(api.get("/api/v1/products/" + mine, null)
                        .data()
                        .path("price")
                        .decimalValue())
                .isEqualByComparingTo("39.00");
    }

    @Test
    void everyStaffSectionIsAccessibleAndUsable() {
        SignedInUser admin = signInAsAdmin();
        String parent = newCategory(admin, "tree");
        SignedInUser customer = registerCustomer();

        signInAsAdminThroughThePage();
        open("/admin/categories");
        type("#category-name", "Walked child");
        new Select(find("#category-parent")).selectByValue(parent);
        submit("#create-submit");
        assertThat(find(".notice.success").getText()).contains("Walked child");
        click("#category-tree a[href='/admin/categories?slug=walked-child']");
        type("#rename-name", "Walked renamed");
        submit("#rename-submit");
        assertThat(find(".notice.success").getText()).contains("Walked renamed");
        new Select(find("#move-parent")).selectByValue("");
        submit("#move-submit");
        assertThat(find(".notice.success").getText()).isNotBlank();
        assertThat(api.get("/api/v1/categories/walked-child", null)
                        .data()
                        .path("parent")
                        .isNull())
                .isTrue();
        screenshots("admin-categories");
        submit("#delete-submit");
        assertThat(find(".notice.success").getText()).isNotBlank();

        open("/admin/coupons");
        type("#coupon-code", "WALK" + UUID.randomUUID().toString().substring(0, 4));
        type("#coupon-value", "12.5");
        submit("#coupon-submit");
        assertThat(find(".notice.success").getText()).isNotBlank();
        screenshots("admin-coupons");

        open("/admin/gift-cards");
        String card = "WALKCARD" + UUID.randomUUID().toString().substring(0, 4);
        type("#card-code", card);
        type("#card-balance", "40");
        submit("#gift-card-submit");
        assertThat(find("#gift-card-balance").getText()).isEqualTo("$40.00");
        assertAccessible();

        open("/admin/users");
        assertAccessible();
        open("/admin/customers/" + customer.id() + "/discount");
        type("#discount-percent", "5");
        type("#discount-reason", "Apology for a late parcel");
        submit("#discount-submit");
        assertThat(find(".notice.success").getText()).isNotBlank();
        assertAccessible();

        open("/admin/notifications");
        assertAccessible();
        open("/admin/orders");
        screenshots("admin-orders");
        open("/admin/products/new");
        assertAccessible();
    }
}
