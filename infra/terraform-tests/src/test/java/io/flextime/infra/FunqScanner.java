package io.flextime.infra;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the @Funq methods of a function in its Java sources (JavaParser; no build needed, so the
 * check sees what the other engineers wrote even before it compiles). The exported name is the
 * annotation's value when given ({@code @Funq("onScheduleSolved")}), else the method name; the kind
 * comes from the input parameter's type ({@link TriggerKind}).
 */
final class FunqScanner {
    private final JavaParser parser = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    private final DoorTable doors;

    FunqScanner() {
        this(DoorTable.load());
    }

    FunqScanner(DoorTable doors) {
        this.doors = doors;
    }

    /** Entry points of functions/&lt;function&gt;/src/main/java, by exported name. */
    Map<String, CodeEntryPoint> scan(String function) {
        Path sources = Repo.functions().resolve(function).resolve("src/main/java");
        Map<String, CodeEntryPoint> found = new TreeMap<>();
        if (!Files.isDirectory(sources)) {
            return found;
        }
        for (Path file : Repo.filesUnder(sources, ".java")) {
            String source;
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!source.contains("Funq")) {
                continue;
            }
            String relative = Repo.root().relativize(file).toString();
            for (CodeEntryPoint entry : scanSource(function, relative, source)) {
                CodeEntryPoint clash = found.putIfAbsent(entry.name(), entry);
                if (clash != null) {
                    throw new IllegalStateException("two @Funq named " + entry.name() + " in " + function + ": " + clash + " and " + entry);
                }
            }
        }
        return found;
    }

    List<CodeEntryPoint> scanSource(String function, String fileName, String source) {
        ParseResult<CompilationUnit> result = parser.parse(source);
        CompilationUnit unit = result.getResult()
                .orElseThrow(() -> new IllegalStateException(fileName + " does not parse: " + result.getProblems()));
        List<CodeEntryPoint> entries = new ArrayList<>();
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            Optional<AnnotationExpr> funq = method.getAnnotationByName("Funq");
            if (funq.isEmpty()) {
                continue;
            }
            String name = exportedName(funq.get()).orElse(method.getNameAsString());
            TriggerKind kind = TriggerKind.HTTP;
            for (Parameter parameter : method.getParameters()) {
                TriggerKind k = TriggerKind.ofInputType(parameter.getType().asString());
                if (k != TriggerKind.HTTP) {
                    kind = k;
                }
            }
            entries.add(new CodeEntryPoint(function, name, kind, method.getNameAsString(), fileName, scope(method)));
        }
        return entries;
    }

    /** The scope of the Door row a {@code @Guard(Door.X)} on the method names. */
    private String scope(MethodDeclaration method) {
        return method.getAnnotationByName("Guard").flatMap(g -> g instanceof SingleMemberAnnotationExpr single
                        && single.getMemberValue() instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                        ? Optional.ofNullable(doors.row(f.getNameAsString())) : Optional.empty())
                .map(DoorTable.Row::scope).orElse(null);
    }

    private static Optional<String> exportedName(AnnotationExpr funq) {
        if (funq instanceof SingleMemberAnnotationExpr single && single.getMemberValue() instanceof StringLiteralExpr s) {
            return Optional.of(s.getValue());
        }
        if (funq instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals("value") && pair.getValue() instanceof StringLiteralExpr s) {
                    return Optional.of(s.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
