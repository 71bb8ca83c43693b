package io.contacts.command.inbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The channel types an inbox can be created with: the API name ({@code channel.type}), Chatwoot's class name (the
 * {@code channel_type} every inbox JSON shows) and the {@code provider} Chatwoot reports for such a channel.
 */
public enum ChannelType {
    API("api", "Channel::Api", null),
    EMAIL("email", "Channel::Email", null),
    WEB_WIDGET("web_widget", "Channel::WebWidget", null),
    SMS("sms", "Channel::Sms", "default"),
    WHATSAPP("whatsapp", "Channel::Whatsapp", "whatsapp_cloud"),
    TWILIO("twilio", "Channel::TwilioSms", "twilio");

    private final String value;
    private final String className;
    private final String provider;

    ChannelType(String value, String className, String provider) {
        this.value = value;
        this.className = className;
        this.provider = provider;
    }

    public String value() {
        return value;
    }

    public String className() {
        return className;
    }

    public String provider() {
        return provider;
    }

    public static Optional<ChannelType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    public static Optional<ChannelType> ofClassName(String className) {
        return Arrays.stream(values()).filter(type -> type.className.equals(className)).findFirst();
    }
}
