package dev.bazaar.web.internal;

import dev.bazaar.identity.UserAccounts;
import dev.bazaar.identity.UserAccounts.BrowserSession;
import dev.bazaar.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a browser in and out: the account session of the identity module, held by the cookie session. */
@Component
public class BrowserSessions {

    private final UserAccounts accounts;
    private final SecurityContextRepository contexts;

    BrowserSessions(UserAccounts accounts, SecurityContextRepository browserSecurityContexts) {
        this.accounts = accounts;
        this.contexts = browserSecurityContexts;
    }

    /** Holds the signed-in account in a new session id (no session fixation). */
    public void signIn(BrowserSession signedIn, HttpServletRequest request, HttpServletResponse response) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        CurrentUser user = new CurrentUser(signedIn.user().id(), signedIn.user().role(), signedIn.sessionId());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    public void signOut(HttpServletRequest request) {
        CurrentUser.ofCurrentRequest().ifPresent(user -> accounts.signOut(user.sessionId()));
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
