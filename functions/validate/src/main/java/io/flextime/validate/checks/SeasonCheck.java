package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import io.flextime.validate.findings.Finding;
import java.util.List;

/** One class of checks over the canonical season; adds its findings to {@code out}. */
public interface SeasonCheck {
    void check(SeasonIndex season, List<Finding> out);
}
