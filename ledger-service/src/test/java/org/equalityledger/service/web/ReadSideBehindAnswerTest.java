package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.equalityledger.projections.query.ReadSideBehind;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A dashboard as of an instant the read side has not reached (right after a start at scale) answers
 * promptly with 503, Retry-After and how far behind it is, not a 500 after a 30 s query timeout.
 */
class ReadSideBehindAnswerTest {

    @Test
    void the_answer_is_503_with_retry_after_and_how_far_behind() throws Exception {
        ResponseEntity<Object> answer = new ProblemAdvice().any(new CompletionException(new ReadSideBehind(250_000, 1_000)),
                new ServletWebRequest(new MockHttpServletRequest("GET", "/api/dashboards/global")));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getProperties()).containsEntry("behind", 249_000L).containsEntry("reached", 1_000L);
        assertThat(problem.getDetail()).contains("249000 events to go");
    }
}
