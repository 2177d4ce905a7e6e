package org.equalityledger.service.audit;

/** A request the audit cannot answer, with the HTTP status it maps to. */
public final class AuditProblem extends RuntimeException {

    public enum Kind {
        BAD_REQUEST(400), NOT_FOUND(404), CONFLICT(409);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;

    public AuditProblem(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status;
    }

    static AuditProblem badRequest(String detail) {
        return new AuditProblem(Kind.BAD_REQUEST, detail);
    }

    static AuditProblem notFound(String detail) {
        return new AuditProblem(Kind.NOT_FOUND, detail);
    }

    static AuditProblem conflict(String detail) {
        return new AuditProblem(Kind.CONFLICT, detail);
    }
}
