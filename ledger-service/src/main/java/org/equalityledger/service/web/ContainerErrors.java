package org.equalityledger.service.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.equalityledger.service.security.ProblemResponses;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the servlet container answers itself (a request line, path or header it refuses, {@code CONNECT},
 * an exception that escaped every handler) is a problem document with the API's security headers, never
 * Tomcat's HTML page. Installed as the host's error report valve, in place of Tomcat's and Spring Boot's;
 * Spring Boot's {@code /error} forwarding is off (see {@code application.yml}), so this is the one place
 * such answers are written.
 */
public final class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ProblemValve.class.getName());
            host.getPipeline().addValve(new ProblemValve());
        });
    }

    /** After Spring Boot's own customizer, which adds an error report valve of its own. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes the container's error answers as RFC 9457 problem documents. */
    public static final class ProblemValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", known == null ? "Error" : known.getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", detail(status));
            try {
                ProblemResponses.secure(response);
                if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
                    // CONNECT and methods nobody speaks: not a fault of the ledger's, a refusal.
                    response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
                    response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                    problem.put("status", HttpStatus.METHOD_NOT_ALLOWED.value());
                    problem.put("title", HttpStatus.METHOD_NOT_ALLOWED.getReasonPhrase());
                }
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer is under way: nothing more to write
            }
        }

        private static String detail(int status) {
            return switch (status) {
                case 400 -> "the request's method, path or headers are not acceptable (e.g. an encoded slash, a "
                        + "control character or a malformed header)";
                case 404 -> "there is nothing at this path";
                case 405, 501 -> "this method is not supported here";
                case 408 -> "the request took too long to arrive";
                case 413 -> "the request is too large";
                case 414 -> "the request's path and query are too long";
                case 431 -> "the request's headers are too large";
                case 505 -> "only HTTP/1.1 and HTTP/2 are spoken here";
                default -> status >= 500 ? "the ledger failed to answer; nothing was changed by this request unless "
                        + "it says otherwise" : "the request is not acceptable";
            };
        }
    }
}
