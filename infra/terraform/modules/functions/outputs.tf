output "event_lambdas" {
  description = "Every Lambda of the events build, key \"<function>.<@Funq name>\", with its trigger settings; arn is the alias \"live\" the triggers invoke."
  value = { for k, e in local.event_entries : k => merge(e, {
    arn           = aws_lambda_alias.events[k].arn
    name          = aws_lambda_function.events[k].function_name
    qualifier     = aws_lambda_alias.events[k].name
    failure_queue = aws_sqs_queue.failures[e.function].arn
  }) }
}

output "http_lambdas" {
  description = "The http build's Lambda per function with public routes, and the @Funq routes the public API gives it."
  value = { for fn, h in local.http_functions : fn => {
    arn        = aws_lambda_alias.http[fn].arn
    name       = aws_lambda_function.http[fn].function_name
    qualifier  = aws_lambda_alias.http[fn].name
    invoke_arn = aws_lambda_alias.http[fn].invoke_arn
    routes     = h.routes
    timeout_s  = h.timeout_s
  } if length(h.routes) > 0 }
}

output "operator_lambdas" {
  description = "The http Lambdas that serve operator doors (no API route), with those doors."
  value = { for fn, h in local.operator_functions : fn => {
    name      = aws_lambda_function.http[fn].function_name
    qualifier = aws_lambda_alias.http[fn].name
    routes    = h.operator_routes
  } }
}

output "operators_role_arn" {
  description = "The role operators assume to invoke the operator doors (scripts/operator-invoke.sh)."
  value       = aws_iam_role.operators.arn
}

output "failure_queues" {
  description = "Failure queue (name) per function."
  value       = { for fn, q in aws_sqs_queue.failures : fn => q.name }
}

output "role_arns" {
  value = { for fn, r in aws_iam_role.function : fn => r.arn }
}

output "config_parameter_path" {
  description = "SSM path of the published (non-secret) configuration."
  value       = "/${var.name_prefix}/config/"
}
