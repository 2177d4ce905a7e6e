package org.equalityledger.api.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionDeadlinePolicyTest {

    static final Instant PLEDGED = Instant.parse("2021-06-30T10:00:00Z");

    @Test
    void the_leadership_answers_within_four_weeks() {
        assertThat(DecisionDeadlinePolicy.dueBy(PLEDGED)).isEqualTo(Instant.parse("2021-07-28T10:00:00Z"));
    }

    @Test
    void an_answer_is_overdue_only_after_it_is_due() {
        Instant due = DecisionDeadlinePolicy.dueBy(PLEDGED);
        assertThat(DecisionDeadlinePolicy.overdue(due, due.minusSeconds(1))).isFalse();
        assertThat(DecisionDeadlinePolicy.overdue(due, due)).isFalse();
        assertThat(DecisionDeadlinePolicy.overdue(due, due.plusMillis(1))).isTrue();
    }
}
