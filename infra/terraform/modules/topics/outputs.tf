output "topics" {
  description = "Names of the topics created."
  value       = sort([for t in kafka_topic.this : t.name])
}
