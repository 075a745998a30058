package io.shopscore.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Each instance delivers due webhook events every shopscore.webhooks.poll-interval; claims keep deliveries single. */
@ApplicationScoped
public class WebhookJob {

    private final WebhookService webhooks;

    public WebhookJob(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Scheduled(identity = "webhooks", every = "${shopscore.webhooks.poll-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        webhooks.deliverDue();
    }
}
