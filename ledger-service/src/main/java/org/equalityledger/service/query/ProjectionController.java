package org.equalityledger.service.query;

import java.util.List;
import java.util.Map;

import org.equalityledger.projections.rebuild.Rebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Drop and rebuild a projection from the events, and follow its progress. Secretariat only. */
@RestController
@RequestMapping("/api/projections")
public class ProjectionController {

    private final Rebuilds rebuilds;

    public ProjectionController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public List<Map<String, Object>> all() {
        return rebuilds.names().stream().map(n -> ReadSideConfiguration.describe(rebuilds.progress(n))).toList();
    }

    @PostMapping("/{name}/rebuild")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public ResponseEntity<Map<String, Object>> rebuild(@PathVariable String name) {
        known(name);
        Rebuilds.Progress progress = rebuilds.start(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/projections/" + name)
                .body(ReadSideConfiguration.describe(progress));
    }

    @GetMapping("/{name}")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Map<String, Object> progress(@PathVariable String name) {
        known(name);
        return ReadSideConfiguration.describe(rebuilds.progress(name));
    }

    private void known(String name) {
        if (!rebuilds.knows(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no projection " + name + "; known: " + rebuilds.names());
        }
    }
}
