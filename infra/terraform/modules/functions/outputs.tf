output "event_lambdas" {
  description = "Every Lambda of the events build, key \"<function>.<@Funq name>\", with its trigger settings."
  value = { for k, e in local.event_entries : k => merge(e, {
    arn           = aws_lambda_function.events[k].arn
    name          = aws_lambda_function.events[k].function_name
    failure_queue = aws_sqs_queue.failures[e.function].arn
  }) }
}

output "http_lambdas" {
  description = "The http build's Lambda per function, with the @Funq routes it serves."
  value = { for fn, h in local.http_functions : fn => {
    arn        = aws_lambda_function.http[fn].arn
    name       = aws_lambda_function.http[fn].function_name
    invoke_arn = aws_lambda_function.http[fn].invoke_arn
    routes     = h.routes
    timeout_s  = h.timeout_s
  } }
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
