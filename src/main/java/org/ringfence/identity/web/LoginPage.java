package org.ringfence.identity.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			HttpSession session, Model model) {
		if (error != null) {
			Object last = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("error", last instanceof AuthenticationException ex ? ex.getMessage()
					: "The username or password is not right.");
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		}
		model.addAttribute("loggedOut", logout != null);
		return "identity/login";
	}

}
