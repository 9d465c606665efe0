package uk.pathways.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A problem+json answer written by a servlet filter, where no controller advice reaches. */
final class Problems {

    private Problems() {}

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\"", "'") + "\"}");
    }
}
