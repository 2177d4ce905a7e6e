package org.equalityledger.api.query.makers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.query.ReadAnswer;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.api.reporting.ReportingStatus;

/** A commitment maker, its commitments, per year how many of them reported, and its money in US dollars. */
public record MakerProfile(String makerId, String name, String stakeholderGroup, String hemisphere, String country,
                           String region, List<MakerCommitment> commitments, List<YearRecord> reportingRecord,
                           MakerMoney money, long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    public record MakerCommitment(String commitmentId, String title, CommitmentStatus status, ReportingStatus reportingStatus,
                                  ProgressStatus progressStatus, LocalDate start, LocalDate end) {
    }

    /** Of the maker's accepted commitments running in {@code year}: expected to report, reported, late, overdue. */
    public record YearRecord(int year, int expected, int reported, int late, int overdue) {
    }
}
