package uk.pathways.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The e-mail templates (Thymeleaf): {@code templates/mail/<name>.txt}, whose first line is
 * {@code Subject: ...}, and {@code templates/mail/<name>.html}. A file of the same name in
 * {@code pathways.notification.templates-dir} overrides the one in the application (read again within a
 * minute of a change), so wording changes need neither code nor a release. Expressions are Spring EL.
 * Not Spring MVC's engine: these templates are never pages.
 */
@Component
class MailTemplates {

    static final String SUBJECT = "Subject:";

    record RenderedMail(String subject, String text, String html) {}

    private final TemplateEngine text;
    private final TemplateEngine html;

    MailTemplates(NotificationProperties properties) {
        this.text = engine(TemplateMode.TEXT, ".txt", properties.templatesDir());
        this.html = engine(TemplateMode.HTML, ".html", properties.templatesDir());
    }

    RenderedMail render(String template, Map<String, Object> model) {
        Context context = new Context(Locale.UK, model);
        String renderedText = text.process(template, context);
        String renderedHtml = html.process(template, context);
        String subject = null;
        String body = renderedText.stripLeading();
        if (body.startsWith(SUBJECT)) {
            int end = body.indexOf('\n');
            subject = (end < 0 ? body.substring(SUBJECT.length()) : body.substring(SUBJECT.length(), end)).strip();
            body = end < 0 ? "" : body.substring(end + 1).stripLeading();
        }
        if (subject == null || subject.isBlank()) {
            subject = "Pathways: " + model.get("eventType") + " " + model.get("reference");
        }
        return new RenderedMail(subject.replaceAll("\\s+", " "), body, renderedHtml);
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix, String overrides) {
        TemplateEngine engine = new SpringTemplateEngine();
        int order = 1;
        if (overrides != null) {
            FileTemplateResolver files = new FileTemplateResolver();
            configure(files, mode, suffix, overrides.endsWith("/") ? overrides : overrides + "/", order++);
            files.setCacheTTLMs(60_000L);
            engine.addTemplateResolver(files);
        }
        ClassLoaderTemplateResolver classpath = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        configure(classpath, mode, suffix, "templates/mail/", order);
        engine.addTemplateResolver(classpath);
        return engine;
    }

    private static void configure(
            AbstractConfigurableTemplateResolver resolver, TemplateMode mode, String suffix, String prefix, int order) {
        resolver.setTemplateMode(mode);
        resolver.setPrefix(prefix);
        resolver.setSuffix(suffix);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
    }
}
