package dev.bazaar.web.internal.admin;

import dev.bazaar.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin console's notices: a done message from the admin bundle, or why a change was refused. */
@Component
class AdminMessages {

    private final MessageSource messages;

    AdminMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    void done(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", text(key, arguments));
    }

    static void refused(Model model, DomainException refused) {
        model.addAttribute("problem", refused.getMessage());
        model.addAttribute("fieldErrors", refused.details());
    }

    static void refused(RedirectAttributes redirect, DomainException refused) {
        redirect.addFlashAttribute("problem", refused.getMessage());
        redirect.addFlashAttribute("fieldErrors", refused.details());
    }
}
