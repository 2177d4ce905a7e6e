package org.equalityledger.service.site.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

/** Where Spring Security sends a signed-in person whose roles do not open the workspace asked for. */
@Controller
public class DeniedPage {

    @RequestMapping("/workspace/denied")
    String denied(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        return "error";
    }
}
