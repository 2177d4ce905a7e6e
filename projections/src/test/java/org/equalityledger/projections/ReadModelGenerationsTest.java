package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.store.ReadModelGenerations;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

class ReadModelGenerationsTest {

    private static final Map<String, List<String>> PROJECTIONS = Map.of(CommitmentProjector.NAME, CommitmentProjector.COLLECTIONS,
            DashboardProjector.NAME, DashboardProjector.COLLECTIONS);

    @Test
    void readers_read_the_generation_the_pointer_names_and_a_rebuild_writes_beside_it() {
        MongoDatabase db = TestLedger.freshDatabase();
        ReadModelGenerations generations = new ReadModelGenerations(db, PROJECTIONS);
        generations.collection(CommitmentProjector.COMMITMENTS).insertOne(new Document("_id", "c1").append("v", "old"));
        generations.of(CommitmentProjector.NAME, 2).collection(CommitmentProjector.COMMITMENTS)
                .insertOne(new Document("_id", "c1").append("v", "new"));
        // A read model of another projection, asked through a generation's view, is the one readers read.
        generations.of(CommitmentProjector.NAME, 2).collection(DashboardProjector.DASHBOARDS).insertOne(new Document("_id", "d"));

        assertThat(value(generations)).isEqualTo("old");
        assertThat(generations.collection(DashboardProjector.DASHBOARDS).countDocuments()).isEqualTo(1);

        generations.switchTo(CommitmentProjector.NAME, 2);

        assertThat(value(generations)).isEqualTo("new");
        assertThat(value(new ReadModelGenerations(db, PROJECTIONS))).as("after a restart").isEqualTo("new");
        generations.drop(CommitmentProjector.NAME, 1);
        assertThat(collections(db)).contains("rm_commitments__g2").doesNotContain("rm_commitments");
    }

    @Test
    void at_start_the_generations_a_crashed_rebuild_left_are_dropped_and_the_one_read_stays() {
        MongoDatabase db = TestLedger.freshDatabase();
        ReadModelGenerations before = new ReadModelGenerations(db, PROJECTIONS);
        before.switchTo(DashboardProjector.NAME, 3);
        before.collection(DashboardProjector.DASHBOARDS).insertOne(new Document("_id", "global|all"));
        before.collection(CommitmentProjector.COMMITMENTS).insertOne(new Document("_id", "c1"));
        // A rebuild of each projection was writing its next generation when the process died.
        before.of(DashboardProjector.NAME, 4).collection(DashboardProjector.FACTS).insertOne(new Document("_id", "state"));
        before.of(CommitmentProjector.NAME, 2).collection(CommitmentProjector.ROWS).insertOne(new Document("_id", "c1"));
        db.getCollection("rm_dashboards").insertOne(new Document("_id", "generation 1, replaced"));
        db.getCollection("rm_dashboards__gone").insertOne(new Document("_id", "not a generation"));

        ReadModelGenerations restarted = new ReadModelGenerations(db, PROJECTIONS);
        List<String> dropped = restarted.dropOrphans();

        assertThat(dropped).containsExactlyInAnyOrder("rm_dash_facts__g4", "rm_commitment_rows__g2", "rm_dashboards");
        assertThat(collections(db)).contains("rm_dashboards__g3", "rm_commitments", "rm_dashboards__gone", "rm_generations")
                .doesNotContain("rm_dash_facts__g4", "rm_commitment_rows__g2", "rm_dashboards");
        assertThat(restarted.collection(DashboardProjector.DASHBOARDS).countDocuments()).isEqualTo(1);
        assertThat(restarted.collection(CommitmentProjector.COMMITMENTS).countDocuments()).isEqualTo(1);
    }

    private static String value(ReadModelGenerations generations) {
        return generations.collection(CommitmentProjector.COMMITMENTS).find().first().getString("v");
    }

    private static Set<String> collections(MongoDatabase db) {
        return db.listCollectionNames().into(new HashSet<>());
    }
}
