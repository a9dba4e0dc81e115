output "cluster_arn" {
  value = aws_msk_cluster.this.arn
}

output "cluster_name" {
  value = aws_msk_cluster.this.cluster_name
}

output "bootstrap_brokers_tls" {
  description = "Comma-separated host:9094 list: FLEXTIME_KAFKA_BOOTSTRAP, with security.protocol SSL."
  value       = aws_msk_cluster.this.bootstrap_brokers_tls
}

output "security_group_id" {
  description = "The cluster's security group (also carried by the Lambda event pollers)."
  value       = aws_security_group.msk.id
}
