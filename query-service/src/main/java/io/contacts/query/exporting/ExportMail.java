package io.contacts.query.exporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells the user who asked for an export where to download it (Chatwoot's email), when an SMTP server is
 * configured ({@code spring.mail.host}). A mail that cannot be sent is logged; the export stays completed.
 */
@Component
class ExportMail {

    static final String SUBJECT = "Your contact's export file is available to download.";
    private static final Logger log = LoggerFactory.getLogger(ExportMail.class);

    private final JavaMailSender sender;
    private final String from;

    ExportMail(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
               @Value("${contacts.mail.from}") String from) {
        this.sender = host.isBlank() ? null : sender.getIfAvailable();
        this.from = from;
    }

    void exportReady(ExportJob job, String downloadUrl) {
        if (sender == null || job.userEmail() == null || job.userEmail().isBlank()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(job.userEmail());
        message.setSubject(SUBJECT);
        message.setText(SUBJECT + "\n\n" + downloadUrl + "\n\n" + job.exportedRecords()
                + " contacts. The link works until it expires; after that, export again.\n");
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Export {}: the email to the requester could not be sent: {}", job.id(), e.getMessage());
        }
    }
}
