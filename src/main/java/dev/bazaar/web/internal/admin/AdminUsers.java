package dev.bazaar.web.internal.admin;

import dev.bazaar.identity.UserAccounts;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.security.Role;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users and their roles, for staff; a role change ends the user's sessions (the identity module's rule). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminUsers {

    private final UserAccounts users;
    private final AdminMessages messages;

    AdminUsers(UserAccounts users, AdminMessages messages) {
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("section", "users");
        model.addAttribute("users", users.users(Math.max(1, Math.min(page, 100_000)), 25));
        model.addAttribute("roles", Arrays.asList(Role.values()));
        return "admin/users";
    }

    @PostMapping("/admin/users/{userId}/role")
    String changeRole(
            CurrentUser admin,
            @PathVariable UUID userId,
            @RequestParam String role,
            @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        try {
            Role wanted;
            try {
                wanted = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("role", "must be CUSTOMER, SELLER or ADMIN");
            }
            var changed = users.changeRole(admin.id(), userId, wanted);
            messages.done(redirect, "admin.users.changed", changed.email(), wanted.name());
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/users?page=" + page;
    }
}
