package io.flextime.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `terraform fmt -check -recursive infra/terraform`, with the Terraform CLI of the machine (no providers needed). */
class TerraformFormatTest {
    private static final Pattern VERSION = Pattern.compile("Terraform v(\\d+)\\.(\\d+)\\.\\d+");

    @Test
    void terraformIsAtLeast15() throws Exception {
        String version = run(List.of(terraform(), "version"));
        Matcher m = VERSION.matcher(version);
        assertTrue(m.find(), "unexpected `terraform version` output: " + version);
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        assertTrue(major > 1 || major == 1 && minor >= 5, "terraform " + m.group() + " found: install Terraform ≥ 1.5");
    }

    @Test
    void everyFileIsFormatted() throws Exception {
        Process p = new ProcessBuilder(terraform(), "fmt", "-check", "-recursive", "-diff", "-no-color", Repo.terraform().toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "terraform fmt did not finish");
        assertEquals(0, p.exitValue(), "terraform fmt -check found unformatted files (run `terraform fmt -recursive infra/terraform`):\n"
                + output);
    }

    /** The terraform executable on the PATH; a clear failure where it is missing. */
    static String terraform() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "terraform");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("terraform not found: install Terraform ≥ 1.5; PATH=" + path);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
