output "schedules" {
  description = "Schedule name -> expression."
  value       = { for k, s in aws_scheduler_schedule.this : s.name => s.schedule_expression }
}

output "kafka_mappings" {
  description = "Event source mapping UUID per \"<function>.<@Funq>.<topic>\"."
  value       = { for k, m in aws_lambda_event_source_mapping.kafka : k => m.uuid }
}

output "scheduler_dlq_name" {
  value = aws_sqs_queue.scheduler_dlq.name
}
