package dev.migrate.autoconfigure;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts reading the revisions of {@code migrate.locations} on a background thread as soon as
 * the environment is prepared (after logging is initialized), and hands the
 * {@link RevisionPreload} to the application context before it is refreshed. Registered in
 * {@code META-INF/spring.factories}; does nothing with {@code migrate.enabled=false} or when
 * the properties cannot be read (the auto-configuration then reports the problem).
 */
final class RevisionPreloadApplicationListener implements SmartApplicationListener {

	private RevisionPreload preload;

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationPreparedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			this.preload = start(prepared.getEnvironment(), prepared.getSpringApplication().getClassLoader());
		}
		else if (event instanceof ApplicationPreparedEvent prepared && this.preload != null) {
			prepared.getApplicationContext().getBeanFactory().registerSingleton(RevisionPreload.BEAN_NAME, this.preload);
			this.preload = null;
		}
	}

	private static RevisionPreload start(ConfigurableEnvironment environment, ClassLoader classLoader) {
		try {
			if (!environment.getProperty(SpringBootVocabulary.ENABLED, Boolean.class, true)) {
				return null;
			}
			List<String> locations = Binder.get(environment)
				.bind(SpringBootVocabulary.LOCATIONS, Bindable.listOf(String.class))
				.orElseGet(() -> new MigrateProperties().getLocations());
			return RevisionPreload.start(locations, classLoader);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
