package io.flextime.infra;

import static io.flextime.infra.CodeConsistencyTest.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What `terraform validate` would catch between our own files, checked without providers. */
class HclFilesTest {
    private static final List<String> MODULES = List.of("api", "data", "functions", "messaging", "observability", "storage",
            "topics", "triggers");

    @Test
    void everyFileParses() {
        List<Path> files = Repo.filesUnder(Repo.terraform(), ".tf", ".tfvars", ".tfvars.example");
        assertTrue(files.size() >= 30, "expected the modules and the example environment, found " + files.size() + " files");
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                assertFalse(Hcl.parse(file).isEmpty(), file + " is empty");
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyModuleOfEachConcernExists() {
        for (String module : MODULES) {
            for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
                assertTrue(Files.isRegularFile(Repo.module(module).resolve(file)), "modules/" + module + "/" + file);
            }
        }
    }

    @Test
    void everyRootAndModulePinsTerraformAndProviders() {
        List<String> problems = new ArrayList<>();
        for (Path file : Repo.filesUnder(Repo.terraform(), ".tf")) {
            Object terraform = Hcl.at(Hcl.parse(file), "terraform");
            if (terraform == null) {
                continue;
            }
            String where = Repo.root().relativize(file).toString();
            if (!">= 1.5".equals(Hcl.string(terraform, "required_version"))) {
                problems.add(where + ": required_version must be \">= 1.5\"");
            }
            Hcl.map(terraform, "required_providers").forEach((name, spec) -> {
                String version = Hcl.string(spec, "version");
                if ("aws".equals(name) && (version == null || !version.startsWith("~> 5."))) {
                    problems.add(where + ": the AWS provider is pinned to 5.x (\"~> 5.N\"), found " + version);
                }
                if (version == null) {
                    problems.add(where + ": provider " + name + " without a version constraint");
                }
            });
        }
        assertNoProblems(problems);
    }

    /** Module calls: the source exists, every argument is a variable of the module, every required variable is given. */
    @Test
    void moduleCallsMatchTheModulesVariables() {
        List<String> problems = new ArrayList<>();
        for (Path file : Repo.filesUnder(Repo.terraform(), ".tf")) {
            Hcl.map(Hcl.parse(file), "module").forEach((name, call) -> {
                String where = Repo.root().relativize(file) + ": module " + name;
                Path source = file.getParent().resolve(String.valueOf(Hcl.string(call, "source"))).normalize();
                if (!Files.isDirectory(source)) {
                    problems.add(where + ": source " + source + " does not exist");
                    return;
                }
                Map<String, Object> variables = Hcl.map(Hcl.module(source), "variable");
                Set<String> given = new TreeSet<>(Hcl.keys(call));
                given.removeAll(Set.of("source", "providers", "depends_on", "count", "for_each"));
                for (String argument : given) {
                    if (!variables.containsKey(argument)) {
                        problems.add(where + ": " + argument + " is not a variable of " + Repo.root().relativize(source));
                    }
                }
                variables.forEach((variable, body) -> {
                    if (!Hcl.map(body).containsKey("default") && !given.contains(variable)) {
                        problems.add(where + ": required variable " + variable + " is not given");
                    }
                });
            });
        }
        assertNoProblems(problems);
    }

    /** Terraform reads the topic list where the event contract keeps it, not from a copy. */
    @Test
    void topicsFilePathsLeadToTheEventContract() {
        Set<String> found = new TreeSet<>();
        for (Path file : Repo.filesUnder(Repo.terraform().resolve("envs"), ".tf")) {
            Map<String, Object> parsed = Hcl.parse(file);
            List<Object> candidates = new ArrayList<>();
            candidates.add(Hcl.at(parsed, "locals", "topics_file"));
            Hcl.map(parsed, "module").values().forEach(call -> candidates.add(Hcl.at(call, "topics_file")));
            for (Object candidate : candidates) {
                if (candidate instanceof String path && path.startsWith("path.root/")) {
                    Path resolved = file.getParent().resolve(path.substring("path.root/".length())).normalize();
                    assertEquals(Repo.topicsFile().normalize(), resolved, Repo.root().relativize(file) + ": topics_file");
                    found.add(Repo.root().relativize(file).toString());
                }
            }
        }
        assertEquals(List.of("infra/terraform/envs/example/main.tf", "infra/terraform/envs/example/topics/main.tf"),
                List.copyOf(found));
    }
}
