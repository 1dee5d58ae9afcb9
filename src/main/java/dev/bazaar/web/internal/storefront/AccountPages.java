package dev.bazaar.web.internal.storefront;

import dev.bazaar.identity.Address;
import dev.bazaar.identity.UserAccounts;
import dev.bazaar.identity.UserAccounts.BrowserSession;
import dev.bazaar.identity.UserProfile;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.DomainStatus;
import dev.bazaar.web.internal.BrowserSessions;
import dev.bazaar.web.internal.SafeRedirects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign in, sign up, sign out and the account page (profile and saved addresses). Signing in or up merges the
 * guest cart the browser holds, as the API does; the page asked for before signing in is where it goes back to.
 */
@Controller
class AccountPages {

    private final UserAccounts accounts;
    private final BrowserSessions sessions;
    private final MessageSource messages;

    AccountPages(UserAccounts accounts, BrowserSessions sessions, MessageSource messages) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/signin")
    String signInForm(@RequestParam(defaultValue = "/") String next, Model model) {
        model.addAttribute("next", SafeRedirects.localPath(next));
        return "storefront/signin";
    }

    @PostMapping("/signin")
    String signIn(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "/") String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            BrowserSession session = accounts.signIn(email, password, request.getRemoteAddr());
            sessions.signIn(session, request, response);
            return "redirect:" + SafeRedirects.localPath(next);
        } catch (DomainException refused) {
            response.setStatus(DomainStatus.of(refused.kind()).value());
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("email", email);
            model.addAttribute("next", SafeRedirects.localPath(next));
            return "storefront/signin";
        }
    }

    @GetMapping("/signup")
    String signUpForm(@RequestParam(defaultValue = "/") String next, Model model) {
        model.addAttribute("next", SafeRedirects.localPath(next));
        return "storefront/signup";
    }

    @PostMapping("/signup")
    String signUp(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "/") String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            BrowserSession session = accounts.signUp(email, name, password, null, request.getRemoteAddr());
            sessions.signIn(session, request, response);
            return "redirect:" + SafeRedirects.localPath(next);
        } catch (DomainException refused) {
            response.setStatus(DomainStatus.of(refused.kind()).value());
            // as the API: the answer does not say whether the email had an account
            model.addAttribute(
                    "problem",
                    "INVALID_CREDENTIALS".equals(refused.code())
                            ? messages.getMessage("signup.accepted", null, LocaleContextHolder.getLocale())
                            : refused.getMessage());
            model.addAttribute("fieldErrors", refused.details());
            model.addAttribute("email", email);
            model.addAttribute("name", name);
            model.addAttribute("next", SafeRedirects.localPath(next));
            return "storefront/signup";
        }
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request) {
        sessions.signOut(request);
        return "redirect:/";
    }

    @GetMapping("/account")
    String account(CurrentUser user, Model model) {
        model.addAttribute("profile", accounts.profile(user.id()));
        return "storefront/account";
    }

    @PostMapping("/account")
    String updateProfile(
            CurrentUser user,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String phone,
            RedirectAttributes redirect) {
        return change(redirect, () -> accounts.updateProfile(user.id(), name, phone, null));
    }

    @PostMapping("/account/addresses")
    String addAddress(CurrentUser user, AddressForm form, RedirectAttributes redirect) {
        return change(redirect, () -> {
            List<Address> addresses =
                    new ArrayList<>(accounts.profile(user.id()).addresses());
            boolean makeDefault = Boolean.TRUE.equals(form.makeDefault()) || addresses.isEmpty();
            if (makeDefault) {
                addresses.replaceAll(AccountPages::notDefault);
            }
            addresses.add(form.toAddress(makeDefault));
            return accounts.updateProfile(user.id(), null, null, addresses);
        });
    }

    @PostMapping("/account/addresses/{index}/remove")
    String removeAddress(CurrentUser user, @PathVariable int index, RedirectAttributes redirect) {
        return change(redirect, () -> {
            List<Address> addresses =
                    new ArrayList<>(accounts.profile(user.id()).addresses());
            if (index < 0 || index >= addresses.size()) {
                throw DomainException.notFound("Address");
            }
            addresses.remove(index);
            return accounts.updateProfile(user.id(), null, null, addresses);
        });
    }

    private static Address notDefault(Address address) {
        return new Address(
                address.label(),
                address.recipient(),
                address.line1(),
                address.line2(),
                address.city(),
                address.region(),
                address.postalCode(),
                address.country(),
                address.phone(),
                false);
    }

    private static String change(RedirectAttributes redirect, java.util.function.Supplier<UserProfile> change) {
        try {
            change.get();
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            redirect.addFlashAttribute("fieldErrors", refused.details());
        }
        return "redirect:/account";
    }
}
