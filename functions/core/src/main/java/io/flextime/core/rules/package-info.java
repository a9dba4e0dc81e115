/**
 * The rule catalogue: every constraint type defined once. Each type is a record here ({@link
 * io.flextime.core.rules.Ca1}, …) whose {@code DEFINITION} declares its parameters (name, aliases,
 * value type, default, meaning, RobinX attribute, see {@link io.flextime.core.rules.Param}), the checks
 * across them, when the rule holds and how its deviation counts; {@link
 * io.flextime.core.rules.RuleCatalogue} lists them by {@link io.flextime.core.model.ConstraintType}.
 * Raw parameters from any format are read here into records (or {@link io.flextime.core.rules.Malformed}
 * with every problem); ingest's and validate's parameter checks, RobinX's attribute mapping and the
 * README's constraint tables ({@link io.flextime.core.rules.ConstraintTable}) derive from the
 * declarations. The season format's defaults are here too ({@link io.flextime.core.rules.FormatDefaults}).
 *
 * <p>Adding a rule type: a {@code ConstraintType} constant, a record with its {@code DEFINITION} (copy
 * {@link io.flextime.core.rules.MaxRoadTrip}) and its line in {@code RuleCatalogue.definition}; then a
 * family folder in the rules module (functions/rules/README.md, "Adding a rule type").
 */
package io.flextime.core.rules;
