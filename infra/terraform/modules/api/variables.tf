variable "name_prefix" {
  type = string
}

variable "http_lambdas" {
  description = "modules/functions output http_lambdas."
  type = map(object({
    arn        = string
    name       = string
    qualifier  = string
    invoke_arn = string
    routes     = list(string)
    timeout_s  = number
  }))
}

variable "jwt_issuer" {
  description = "Issuer URL of the identity provider (e.g. a Cognito user pool or an OIDC provider)."
  type        = string
}

variable "jwt_audiences" {
  description = "Accepted audiences (client ids)."
  type        = list(string)
}

variable "jwt_scopes" {
  description = <<-EOT
    Scopes a token must carry on every route: the API Gateway authorizer is the first gate (a token of
    the identity provider for another resource server does not reach a function); the functions then
    check the tenant and roles of the Door table.
  EOT
  type        = list(string)
  default     = ["flextime/api"]
  validation {
    condition     = length(var.jwt_scopes) > 0
    error_message = "Set at least one scope: without one any token of the identity provider passes the authorizer."
  }
}

variable "throttling_rate_limit" {
  description = "Steady requests per second for the whole stage."
  type        = number
  default     = 50
}

variable "throttling_burst_limit" {
  type    = number
  default = 100
}

variable "cors_allow_origins" {
  type    = list(string)
  default = []
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "logs_kms_key_arn" {
  type    = string
  default = null
}
