package org.equalityledger.service.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;

/** For commands refused at construction: the fields the exception names. */
public final class BadInput {

    private BadInput() {
    }

    public static List<String> fieldsNamedBy(ThrowingCallable construction) {
        InvalidCommandException[] caught = new InvalidCommandException[1];
        assertThatThrownBy(construction).isInstanceOfSatisfying(InvalidCommandException.class, e -> caught[0] = e);
        return caught[0].errors().stream().map(FieldError::field).toList();
    }
}
