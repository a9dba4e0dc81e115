# The five functions' Lambda deployments. Keys of entry_points and names in http.routes are @Funq
# method names in functions/<function>/src/main/java/**/trigger/ (infra/terraform-tests checks them,
# their trigger kinds, topics and environment variables against the code).
#
# trigger: s3 (S3EventNotification), kafka (MskEvent; topics from events/.../topics.txt), schedule
# (ScheduledEvent; EventBridge Scheduler expression, UTC unless schedule_timezone).

functions = {
  ingest = {
    memory_mb            = 2048
    timeout_s            = 300
    reserved_concurrency = 20
    storage = {
      read  = ["uploads:uploads/"]
      write = ["uploads:uploads/", "data:raw/", "data:quarantine/", "data:reports/"]
    }
    http = {
      routes = ["ingest", "pipelineRuns", "pipelineRun", "auditEvents"]
      # Platform operators only: no API route, direct invocation under the operators role.
      operator_routes = ["registerTenant"]
    }
    entry_points = {
      ingestUpload = { trigger = "s3" }
      ingestRequested = {
        trigger    = "kafka"
        topics     = ["ingest.requested.v1"]
        batch_size = 10
      }
    }
  }

  validate = {
    memory_mb = 2048
    timeout_s = 300
    storage = {
      read  = ["data:raw/"]
      write = ["data:reports/", "data:quarantine/"]
    }
    http = {
      routes = ["revalidate", "validationReport", "quarantined", "correctQuarantined", "replayQuarantine"]
    }
    entry_points = {
      datasetIngested = {
        trigger    = "kafka"
        topics     = ["dataset.ingested.v1"]
        batch_size = 10
      }
    }
  }

  # CP-SAT wants cores: 10 GB is the Lambda size with the most vCPUs (6). An invocation stops at
  # 15 minutes; the solver checkpoints to Redis and emits solve.requested before its deadline
  # (flextime.solve.invocation-deadline / safety-margin), and the next invocation resumes from the
  # checkpoint: continuation chaining, not a longer timeout.
  solve = {
    memory_mb = 10240
    timeout_s = 900
    storage = {
      read = ["data:raw/"]
    }
    http = {
      routes = ["startSolve", "solveStatus", "cancelSolve", "continueSolve", "replan", "editDraft"]
    }
    entry_points = {
      solveFromKafka = {
        trigger              = "kafka"
        topics               = ["dataset.validated.v1", "solve.requested.v1"]
        batch_size           = 1
        reserved_concurrency = 10
      }
    }
  }

  export = {
    memory_mb = 3008
    timeout_s = 600
    storage = {
      write = ["exports:exports/"]
    }
    # The key ring that seals the webhook signing secrets at rest.
    secret_environment = {
      FLEXTIME_SECRETS_KEYS   = "secrets_key.keys"
      FLEXTIME_SECRETS_KEY_ID = "secrets_key.active"
    }
    http = {
      routes = ["exports", "teamFiles", "scheduleReport", "compareSchedules", "subscribe", "subscriptions", "setSubscriptionEnabled", "rotateSecret", "deliveries", "delivery", "replayDelivery", "scheduleVersions", "publishSchedule"]
    }
    entry_points = {
      onScheduleSolved = {
        trigger    = "kafka"
        topics     = ["schedule.solved.v1"]
        batch_size = 5
      }
      deliverDueWebhooks = {
        trigger              = "schedule"
        schedule             = "rate(1 minute)"
        timeout_s            = 55
        reserved_concurrency = 1
      }
    }
  }

  # One backup job at a time per kind (reserved concurrency 1); times in UTC, outside US game nights.
  backup = {
    memory_mb = 3008
    timeout_s = 900
    storage = {
      write = ["backups:", "audit:audit/"]
    }
    # Backups read every tenant's rows: the role flextime_backup (BYPASSRLS, not a superuser, no DDL on
    # the live database), never the schema owner nor the RLS-bound app role. Master keys by id.
    secret_environment = {
      FLEXTIME_BACKUP_DB_USER     = "db_backup.username"
      FLEXTIME_BACKUP_DB_PASSWORD = "db_backup.password"
      FLEXTIME_BACKUP_KEYS        = "backup_key.keys"
      FLEXTIME_BACKUP_KEY_ID      = "backup_key.active"
    }
    # Operator tools: off the public API (no route), invoked directly under the operators role with a
    # platform operator's token (infra/terraform/scripts/operator-invoke.sh).
    http = {
      operator_routes = ["backupNow", "listBackups", "verifyBackup", "backupRetention", "restore", "backupJob"]
    }
    entry_points = {
      nightlyFullBackup = {
        trigger              = "schedule"
        schedule             = "cron(0 8 * * ? *)"
        reserved_concurrency = 1
      }
      hourlyIncrementalBackup = {
        trigger              = "schedule"
        schedule             = "cron(15 * * * ? *)"
        reserved_concurrency = 1
      }
      dailyBackupVerify = {
        trigger              = "schedule"
        schedule             = "cron(0 10 * * ? *)"
        reserved_concurrency = 1
      }
      dailyBackupRetention = {
        trigger              = "schedule"
        schedule             = "cron(0 11 * * ? *)"
        reserved_concurrency = 1
      }
      # backupNow, verifyBackup and restore answer 202 with a job: this runs the queued ones (nothing runs
      # after an http invocation answered) and re-runs or fails those of a dead invocation (expired lease).
      runBackupJobs = {
        trigger              = "schedule"
        schedule             = "rate(1 minute)"
        reserved_concurrency = 1
      }
      # The audit trail to the Object Lock bucket.
      shipAuditTrail = {
        trigger              = "schedule"
        schedule             = "rate(15 minutes)"
        timeout_s            = 300
        reserved_concurrency = 1
      }
    }
  }
}
