package io.videocallsupport.zoom;

import io.videocallsupport.zoom.ZoomDtos.AccessToken;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Zoom's OAuth token endpoint, Server-to-Server OAuth (account credentials grant). */
@FeignClient(name = "zoom-oauth", url = "${vcs.zoom.oauth-url:https://zoom.us}")
interface ZoomOAuthClient {

  @PostMapping("/oauth/token")
  AccessToken accountCredentialsToken(@RequestHeader("Authorization") String basicAuthorization,
                                      @RequestParam("grant_type") String grantType,
                                      @RequestParam("account_id") String accountId);
}
