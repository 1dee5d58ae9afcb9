package dev.bazaar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** A shopper's whole visit in a real browser: search, product, bundle, sign-up during checkout, pay, track. */
class StorefrontBrowserTest extends BrowserTest {

    private static final Random RANDOM = new Random();

    /** Products whose title starts with a word of their own, so searches find only this test's products. */
    record Catalog(String word, String category, String brand, String lamp, String shade, String bulb) {}

    private Catalog catalog() {
        SignedInUser admin = signInAsAdmin();
        String word = randomWord(10);
        String category = newCategory(admin, "lights");
        String brand = "Brand" + randomWord(6);
        String lamp = product(admin, word + " desk lamp", category, brand, "24.50", 40);
        String shade = product(admin, word + " lamp shade", category, "Other" + randomWord(5), "9.95", 40);
        String bulb = product(admin, word + " warm bulb", category, brand, "3.20", 40);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/products/search?q=" + word, null)
                                .data()
                                .path("pagination")
                                .path("total")
                                .asLong())
                        .isEqualTo(3));
        return new Catalog(word, category, brand, lamp, shade, bulb);
    }

    private String product(SignedInUser admin, String title, String category, String brand, String price, int stock) {
        return store.product(title, price)
                .description("A " + title + " for the browser tests.")
                .currency("USD")
                .in(category)
                .brand(brand)
                .stock(stock)
                .specifications(Map.of("Colour", "Brass"))
                .idCreatedBy(admin);
    }

    /** Two customers bought the lamp with the shade and the bulb: the rules then suggest them with the lamp. */
    private void boughtTogether(Catalog catalog) {
        for (int i = 0; i < 2; i++) {
            orderProducts(registerCustomer(), Map.of(catalog.lamp(), 1, catalog.shade(), 1, catalog.bulb(), 1));
        }
        SignedInUser admin = signInAsAdmin();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            api.post("/api/v1/admin/recommendations/refresh", Map.of(), admin.accessToken());
            JsonNode suggested = api.get("/api/v1/products/" + catalog.lamp() + "/frequently-bought-together", null)
                    .data()
                    .path("products");
            assertThat(suggested.size()).isEqualTo(2);
        });
    }

    @Test
    void aGuestFindsBuysSignsUpPaysAndFollowsTheOrder() {
        Catalog catalog = catalog();
        boughtTogether(catalog);

        open("/");
        assertThat(browser.getTitle()).contains("Bazaar");
        screenshots("home");

        // a search with a typo still finds the lamp; a facet narrows the results
        String typo = catalog.word().substring(0, 4)
                + catalog.word().charAt(5)
                + catalog.word().charAt(4)
                + catalog.word().substring(6);
        type("#site-search", typo);
        find("#site-search").sendKeys(Keys.ENTER);
        waitFor().until(ExpectedConditions.urlContains("/search"));
        assertThat(pageText()).contains(catalog.word() + " desk lamp");
        screenshots("search");
        click("a[href*='brand=" + catalog.brand() + "' i]");
        waitFor().until(ExpectedConditions.urlContains("brand="));
        assertThat(pageText()).contains(catalog.word() + " desk lamp").doesNotContain(catalog.word() + " lamp shade");

        // the product page offers the bundle, with its total
        click("#results a.title[href*='" + catalog.lamp() + "']");
        find("#bundle");
        assertThat(find("#bundle").getText()).contains("$37.65"); // 24.50 + 9.95 + 3.20
        screenshots("product");
        click("#add-bundle");
        waitFor().until(ExpectedConditions.urlContains("/cart"));
        assertThat(find("#cart-count").getText()).isEqualTo("3");
        screenshots("cart");

        // checkout asks to sign in; signing up there keeps the cart and comes back to checkout
        click("#checkout");
        waitFor().until(ExpectedConditions.urlContains("/signin"));
        click("#signup-link");
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        type("#name", "Grace Shopper");
        type("#email", email);
        type("#password", "a long browser password 1");
        click("#signup-submit");
        waitFor().until(ExpectedConditions.urlContains("/checkout"));
        assertThat(find("#cart-count").getText()).isEqualTo("3");
        fillNewAddress();
        new Select(find("#cardToken")).selectByValue("tok_visa");
        screenshots("checkout");
        click("#review-order");
        assertThat(find("#order-total").getText()).isEqualTo("$42.64"); // 37.65 + 4.99 shipping
        screenshots("checkout-review");
        click("#place-order");

        waitFor().until(ExpectedConditions.urlMatches(".*/orders/[0-9a-f-]{36}$"));
        String orderId =
                browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(find("#order-status").getText()).isEqualTo("Confirmed");
        assertThat(find("#timeline").getText()).contains("Confirmed");
        assertThat(find("#cart-count").getText()).isEqualTo("0");
        screenshots("order");

        // the store ships it; the shopper sees the new status and the tracking number
        Api.Response shipped = api.put(
                "/api/v1/admin/orders/" + orderId + "/status",
                Map.of("status", "shipped", "trackingNumber", "1Z999AA10123456784"),
                signInAsAdmin().accessToken());
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        browser.navigate().refresh();
        assertThat(find("#order-status").getText()).isEqualTo("Shipped");
        assertThat(find("#tracking-number").getText()).contains("1Z999AA10123456784");
        assertThat(find("#timeline").getText()).contains("Shipped");
    }

    @Test
    void aDoubleClickedPlaceOrderMakesOneOrder() {
        Catalog catalog = catalog();
        SignedInUser shopper = registerCustomer();
        signInInBrowser(shopper);
        addToCart(catalog.lamp());
        reviewOrderWith("tok_visa");
        // without the page's own guard, the server's idempotency key alone must hold
        browser.executeScript("document.getElementById('place-order-form').removeAttribute('data-submit-once')");
        new Actions(browser).doubleClick(find("#place-order")).perform();
        waitFor().until(ExpectedConditions.urlMatches(".*/orders/[0-9a-f-]{36}$"));
        browser.navigate().back();
        browser.navigate().refresh(); // resubmits the form once more, with the same key
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get("/api/v1/orders", shopper.accessToken())
                                .data()
                                .path("orders")
                                .size())
                        .isEqualTo(1));
    }

    @Test
    void aDeclinedCardSaysSoAndKeepsTheCart() {
        Catalog catalog = catalog();
        SignedInUser shopper = registerCustomer();
        signInInBrowser(shopper);
        addToCart(catalog.shade());
        reviewOrderWith("tok_declined");
        click("#place-order");
        WebElement alert = find(".notice.error");
        assertThat(alert.getText()).contains("declined");
        assertThat(find("#cart-count").getText()).isEqualTo("1");
        assertThat(api.get("/api/v1/cart", shopper.accessToken())
                        .data()
                        .path("items")
                        .size())
                .isEqualTo(1);
        assertAccessible();
    }

    @Test
    void aShopperBuysWithTheKeyboardAlone() {
        Catalog catalog = catalog();
        SignedInUser shopper = registerCustomer();
        open("/signin");
        tabTo("#email").sendKeys(shopper.email());
        tabTo("#password").sendKeys(shopper.password(), Keys.ENTER);
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));

        open("/products/" + catalog.bulb());
        tabTo("#add-to-cart").sendKeys(Keys.ENTER);
        waitFor().until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
        tabTo("#cart-link").sendKeys(Keys.ENTER);
        waitFor().until(ExpectedConditions.urlContains("/cart"));
        tabTo("#checkout").sendKeys(Keys.ENTER);
        waitFor().until(ExpectedConditions.urlContains("/checkout"));
        tabTo("#recipient").sendKeys("Key Board");
        tabTo("#line1").sendKeys("2 Tab Street");
        tabTo("#city").sendKeys("Leeds");
        tabTo("#postalCode").sendKeys("LS1 1AA");
        tabTo("#country").sendKeys("GB");
        tabTo("#review-order").sendKeys(Keys.ENTER);
        tabTo("#place-order").sendKeys(Keys.ENTER);
        waitFor().until(ExpectedConditions.urlMatches(".*/orders/[0-9a-f-]{36}$"));
        assertThat(find("#order-status").getText()).isEqualTo("Confirmed");
    }

    /** Presses Tab until the element has the focus (a keyboard user's only way there), and returns it. */
    private WebElement tabTo(String css) {
        WebElement target = find(css);
        for (int presses = 0; presses < 150; presses++) {
            if (target.equals(browser.switchTo().activeElement())) {
                return target;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private void signInInBrowser(SignedInUser user) {
        open("/signin");
        type("#email", user.email());
        type("#password", user.password());
        click("#signin-submit");
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
    }

    private void addToCart(String productId) {
        open("/products/" + productId);
        String before = find("#cart-count").getText();
        click("#add-to-cart");
        waitFor().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("cart-count"), before)));
    }

    private void reviewOrderWith(String cardToken) {
        open("/checkout");
        fillNewAddress();
        new Select(find("#cardToken")).selectByValue(cardToken);
        click("#review-order");
        find("#place-order");
    }

    private void fillNewAddress() {
        click("#address-new");
        type("#recipient", "Grace Shopper");
        type("#line1", "1 Browser Road");
        type("#city", "London");
        type("#postalCode", "N1 9GU");
        type("#country", "GB");
    }

    private static String randomWord(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }
}
