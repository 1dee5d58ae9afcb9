package dev.bazaar.web.internal.admin;

import dev.bazaar.catalog.CatalogForms.CreateProduct;
import dev.bazaar.catalog.CatalogForms.UpdateProduct;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ErrorDetail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The product editor's fields as typed. Numbers stay text until {@link #toCreate()} / {@link #toUpdate()}, so a
 * mistyped price comes back as a message on the form, not as a 400 page; the catalog validates the rest.
 */
public class ProductForm {

    private String title = "";
    private String description = "";
    private String price = "";
    private String currency = "USD";
    private String category = "";
    private String brand = "";
    private String sku = "";
    private String stock = "0";
    private boolean active = true;

    static ProductForm of(ProductDetails product) {
        ProductForm form = new ProductForm();
        form.title = product.title();
        form.description = product.description() == null ? "" : product.description();
        form.price = product.price().amount().toPlainString();
        form.currency = product.currency();
        form.category = product.category() == null ? "" : product.category().slug();
        form.brand = product.brand() == null ? "" : product.brand();
        form.sku = product.sku() == null ? "" : product.sku();
        form.stock = Integer.toString(product.stock());
        form.active = product.active();
        return form;
    }

    CreateProduct toCreate() {
        List<ErrorDetail> problems = new ArrayList<>();
        BigDecimal amount = decimal(price, "price", problems);
        Integer units = integer(stock, "stock", problems);
        fail(problems);
        return new CreateProduct(
                title,
                blankToNull(description),
                amount,
                currency,
                category,
                blankToNull(brand),
                null,
                null,
                units,
                blankToNull(sku));
    }

    UpdateProduct toUpdate() {
        List<ErrorDetail> problems = new ArrayList<>();
        BigDecimal amount = decimal(price, "price", problems);
        fail(problems);
        return new UpdateProduct(title, description, amount, currency, category, brand, null, null, null, sku, active);
    }

    private static BigDecimal decimal(String text, String field, List<ErrorDetail> problems) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new ErrorDetail(field, "must be a number such as 12.50"));
            return null;
        }
    }

    private static Integer integer(String text, String field, List<ErrorDetail> problems) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new ErrorDetail(field, "must be a whole number"));
            return null;
        }
    }

    private static void fail(List<ErrorDetail> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.invalidRequest("VALIDATION_FAILED", "Some fields are not valid", problems);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price == null ? "" : price;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency == null ? "" : currency.strip();
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category == null ? "" : category;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand == null ? "" : brand;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku == null ? "" : sku;
    }

    public String getStock() {
        return stock;
    }

    public void setStock(String stock) {
        this.stock = stock == null ? "" : stock;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
