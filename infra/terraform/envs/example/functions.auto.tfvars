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
      routes = ["ingest", "pipelineRuns", "pipelineRun"]
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
      routes = ["startSolve", "solveStatus", "cancelSolve"]
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
    http = {
      routes = ["exports", "teamFiles", "scheduleReport", "compareSchedules", "subscribe", "subscriptions", "setSubscriptionEnabled", "rotateSecret", "deliveries", "delivery", "replayDelivery"]
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
      write = ["backups:"]
    }
    # Many short-lived instances: each would migrate a restore template of its own at start-up.
    environment = {
      FLEXTIME_BACKUP_RESTORE_TEMPLATE = "false"
    }
    # Backups read every tenant's rows: the schema owner, not the RLS-bound app role.
    secret_environment = {
      FLEXTIME_BACKUP_DB_USER     = "db_owner.username"
      FLEXTIME_BACKUP_DB_PASSWORD = "db_owner.password"
      FLEXTIME_BACKUP_KEY         = "backup_key.key"
    }
    http = {
      routes = ["backupNow", "listBackups", "verifyBackup", "backupRetention", "restore"]
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
    }
  }
}
