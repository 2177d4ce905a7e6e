package org.equalityledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;

/** The commit-start index over blocks of 1,024 positions, written in the runs a sealer writes. */
class CommitStartsTest {

    /** Commits of 1,000 events from 0, then 1,300 one-event commits: position 1,000 + i starts one. */
    private static long startOf(long position) {
        return position < 2_000 ? position / 1_000 * 1_000 : position;
    }

    @StoreTest
    void the_start_of_every_recorded_position_across_blocks_and_runs(TestStore store) {
        CommitStarts index = new CommitStarts(store.freshDatabase(), "ledger_");
        long end = 3_300;
        // Runs that begin and end inside blocks and inside commits, as successive seals do.
        long[] runEnds = {1, 700, 1_024, 1_500, 2_049, end};
        long from = 0;
        for (long to : runEnds) {
            long[] starts = new long[(int) (to - from)];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = startOf(from + i);
            }
            index.record(from, starts);
            from = to;
        }

        for (long position = 0; position < end; position++) {
            assertThat(index.startOf(position)).as("position %d", position).isEqualTo(OptionalLong.of(startOf(position)));
        }
        assertThat(index.startOf(4 * CommitStarts.BLOCK)).isEmpty();
    }

    @StoreTest
    void a_block_whose_first_position_was_not_recorded_knows_only_what_starts_in_it(TestStore store) {
        CommitStarts index = new CommitStarts(store.freshDatabase(), "ledger_");
        // Sealed before the index existed up to 1,500, inside the commit that starts at 1,000.
        index.record(1_500, new long[] {1_000, 1_000, 1_502, 1_502});

        assertThat(index.startOf(1_500)).isEmpty();
        assertThat(index.startOf(1_501)).isEmpty();
        assertThat(index.startOf(1_502)).isEqualTo(OptionalLong.of(1_502));
        assertThat(index.startOf(1_503)).isEqualTo(OptionalLong.of(1_502));
    }
}
