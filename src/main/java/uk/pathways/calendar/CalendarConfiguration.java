package uk.pathways.calendar;

import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    BankHolidays bankHolidays(ClockProperties properties, ResourceLoader resources) {
        return BankHolidays.load(resources.getResource(properties.bankHolidays()));
    }

    @Bean
    WorkingDays workingDays(BankHolidays bankHolidays, ClockProperties properties) {
        return new WorkingDays(bankHolidays, ZoneId.of(properties.timeZone()));
    }

    @Bean
    Clocks clocks(ClockProperties properties, WorkingDays workingDays) {
        return new Clocks(properties.clocks(), workingDays);
    }
}
