/**
 * Recommendations: behaviour events ({@code user-events}) recorded in {@code user_behavior}, and the popular,
 * collaborative, content-based and frequently-bought-together algorithms whose results it keeps in
 * {@code user_recommendations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recommendation")
package dev.bazaar.recommendation;
