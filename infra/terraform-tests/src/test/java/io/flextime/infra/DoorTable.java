package io.flextime.infra;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The authorization table of the code (functions/core/.../security/Door.java), read from source like the
 * @Funq methods: row name → its function, door and scope. A PLATFORM door acts on every tenant's data
 * and must not be routed by the public API.
 */
final class DoorTable {
    static final Path SOURCE = Path.of("functions/core/src/main/java/io/flextime/core/security/Door.java");

    record Row(String constant, String function, String door, String scope) {
    }

    private final Map<String, Row> rows;

    DoorTable(Map<String, Row> rows) {
        this.rows = rows;
    }

    static DoorTable load() {
        try {
            return parse(Files.readString(Repo.root().resolve(SOURCE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DoorTable parse(String source) {
        ParseResult<CompilationUnit> result = new JavaParser(
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source);
        CompilationUnit unit = result.getResult().orElseThrow(() -> new IllegalStateException(SOURCE + " does not parse"));
        Map<String, Row> rows = new TreeMap<>();
        for (EnumConstantDeclaration c : unit.findAll(EnumConstantDeclaration.class)) {
            if (c.getArguments().size() < 3) {
                continue;
            }
            rows.put(c.getNameAsString(), new Row(c.getNameAsString(), text(c.getArgument(0)), text(c.getArgument(1)),
                    c.getArgument(2) instanceof FieldAccessExpr f ? f.getNameAsString() : c.getArgument(2).toString()));
        }
        return new DoorTable(rows);
    }

    /** The row a {@code @Guard(Door.X)} names, by its constant. */
    Row row(String constant) {
        return rows.get(constant);
    }

    private static String text(Expression e) {
        return e instanceof StringLiteralExpr s ? s.getValue() : e.toString();
    }
}
